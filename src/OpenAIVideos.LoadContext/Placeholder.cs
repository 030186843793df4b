namespace OpenAIVideos.LoadContext { internal static class Placeholder { } }
