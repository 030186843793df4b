using System;
using System.Management.Automation;
using OpenAIVideos.Client;

namespace OpenAIVideos.Commands.Errors
{
    /// <summary>
    /// Builds PowerShell <c>ErrorRecord</c>s from <see cref="VideoErrorReport"/>s. The only error code that touches
    /// PowerShell types; every decision is made in the report.
    /// </summary>
    internal static class ErrorRecordFactory
    {
        /// <summary>The record for an engine error.</summary>
        public static ErrorRecord FromApiException(VideoApiException exception, object? fallbackTarget = null) =>
            Create(exception, VideoErrorReport.From(exception, fallbackTarget));

        /// <summary>The record for an error raised in this layer.</summary>
        public static ErrorRecord Create(Exception exception, VideoErrorReport report)
        {
            var record = new ErrorRecord(exception, report.ErrorId, ToCategory(report.CategoryName), report.Target)
            {
                ErrorDetails = new ErrorDetails(report.Message),
            };
            if (report.RecommendedAction is not null)
            {
                record.ErrorDetails.RecommendedAction = report.RecommendedAction;
            }

            return record;
        }

        // VideoErrorCategory's names are ErrorCategory's (a metadata test checks it); an unknown name is NotSpecified.
        private static ErrorCategory ToCategory(string name) =>
            Enum.TryParse<ErrorCategory>(name, out var category) ? category : ErrorCategory.NotSpecified;
    }
}
