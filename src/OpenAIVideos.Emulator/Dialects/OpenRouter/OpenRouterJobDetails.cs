namespace OpenAIVideos.Emulator.Dialects.OpenRouter
{
    /// <summary>What an OpenRouter job keeps beyond the common fields: its duration as sent, resolution and the charge.</summary>
    internal sealed record OpenRouterJobDetails(double Duration, string Resolution, string AspectRatio, decimal Cost, string GenerationId);
}
