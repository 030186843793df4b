global using OpenAIVideos;
