namespace OpenAIVideos.Commands { internal static class Placeholder { } }
