using System;
using System.Collections.Generic;
using System.IO;

namespace OpenAIVideos.Client.Batch
{
    /// <summary>
    /// The append-only journal (JSON lines) that makes a batch rerun safe. Every line is written whole and flushed; the
    /// lines around a billed request (<see cref="BatchJournalRecordType.Create"/>, <see cref="BatchJournalRecordType.Created"/>)
    /// are also flushed to disk (fsync) before the request is sent and after its answer, so a crash, a kill or a power
    /// cut cannot lose the fact that a create may have been sent.
    /// </summary>
    /// <remarks>
    /// A hard kill can leave the last line torn. Reading skips any line that is not a whole record; opening for append
    /// first ends a torn line with a newline so the next record starts on its own line. A torn line is never a sent
    /// create: the create is sent only after its line is on disk. One run uses a journal at a time: the file is opened
    /// without sharing (an exclusive lock on Unix), so a second run, or -WhatIf, meanwhile is told it is in use.
    /// </remarks>
    public sealed class BatchJournal : IDisposable
    {
        private const byte NewLine = (byte)'\n';
        private readonly object _gate = new object();
        private readonly FileStream _stream;
        private readonly Dictionary<string, BatchItemHistory> _histories;

        private BatchJournal(string path, FileStream stream, Dictionary<string, BatchItemHistory> histories, int skippedLines)
        {
            Path = path;
            _stream = stream;
            _histories = histories;
            SkippedLines = skippedLines;
        }

        /// <summary>The journal file.</summary>
        public string Path { get; }

        /// <summary>Lines that were not whole records when the journal was read (torn by a kill).</summary>
        public int SkippedLines { get; }

        /// <summary>Opens (or creates) a journal for appending, after reading what it holds.</summary>
        /// <exception cref="VideoApiException"><see cref="BatchErrorIds.JournalUnavailable"/>: in use by another run, or unwritable.</exception>
        public static BatchJournal Open(string path)
        {
            var fullPath = System.IO.Path.GetFullPath(path);
            var isNew = !File.Exists(fullPath);
            FileStream stream;
            try
            {
                var folder = System.IO.Path.GetDirectoryName(fullPath);
                if (!string.IsNullOrEmpty(folder))
                {
                    Directory.CreateDirectory(folder);
                }

                stream = new FileStream(fullPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 4096, FileOptions.None);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new VideoApiException(BatchErrorIds.JournalUnavailable, VideoErrorCategory.WriteError,
                    $"The journal '{fullPath}' cannot be opened for writing ({exception.Message}). Is another Invoke-VideoBatch using it?", exception);
            }

            try
            {
                var content = new byte[stream.Length];
                var filled = 0;
                while (filled < content.Length)
                {
                    var read = stream.Read(content, filled, content.Length - filled);
                    if (read == 0)
                    {
                        break;
                    }

                    filled += read;
                }

                var histories = Fold(content, filled, out var skipped);
                stream.Seek(0, SeekOrigin.End);
                if (filled > 0 && content[filled - 1] != NewLine)
                {
                    stream.WriteByte(NewLine); // end the torn line, so it stays one skipped line
                    stream.Flush(true);
                }

                if (isNew)
                {
                    AtomicFile.FlushFolderOf(fullPath);
                }

                return new BatchJournal(fullPath, stream, histories, skipped);
            }
            catch
            {
                stream.Dispose();
                throw;
            }
        }

        /// <summary>Reads a journal without opening it for writing (for -WhatIf); an absent file is an empty journal.</summary>
        public static IReadOnlyDictionary<string, BatchItemHistory> Read(string path)
        {
            var fullPath = System.IO.Path.GetFullPath(path);
            if (!File.Exists(fullPath))
            {
                return new Dictionary<string, BatchItemHistory>(StringComparer.Ordinal);
            }

            try
            {
                using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                return Fold(copy.GetBuffer(), (int)copy.Length, out _);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new VideoApiException(BatchErrorIds.JournalUnavailable, VideoErrorCategory.ResourceBusy,
                    $"The journal '{fullPath}' cannot be read ({exception.Message}). Is an Invoke-VideoBatch using it?", exception);
            }
        }

        /// <summary>What the journal says about an item, or null when it says nothing.</summary>
        public BatchItemHistory? Find(string key)
        {
            lock (_gate)
            {
                return _histories.TryGetValue(key, out var history) ? history : null;
            }
        }

        /// <summary>Every item's history, by key.</summary>
        public IReadOnlyCollection<BatchItemHistory> Histories
        {
            get
            {
                lock (_gate)
                {
                    return new List<BatchItemHistory>(_histories.Values);
                }
            }
        }

        /// <summary>
        /// Appends a record as one write of one whole line and flushes it; with <paramref name="durable"/> also to disk.
        /// Returns the item's history with the record applied.
        /// </summary>
        public BatchItemHistory Append(BatchJournalRecord record, bool durable)
        {
            if (record is null)
            {
                throw new ArgumentNullException(nameof(record));
            }

            var json = record.ToJsonLine();
            var line = new byte[json.Length + 1];
            Buffer.BlockCopy(json, 0, line, 0, json.Length);
            line[json.Length] = NewLine;
            lock (_gate)
            {
                try
                {
                    _stream.Write(line, 0, line.Length);
                    _stream.Flush(durable);
                }
                catch (IOException exception)
                {
                    throw new VideoApiException(BatchErrorIds.JournalUnavailable, VideoErrorCategory.WriteError,
                        $"Could not write the journal '{Path}' ({exception.Message}); the run stops so that nothing is sent unrecorded.", exception);
                }

                return ApplyTo(_histories, record);
            }
        }

        /// <summary>Closes the file.</summary>
        public void Dispose()
        {
            lock (_gate)
            {
                _stream.Dispose();
            }
        }

        private static BatchItemHistory ApplyTo(Dictionary<string, BatchItemHistory> histories, BatchJournalRecord record)
        {
            if (!histories.TryGetValue(record.Key, out var history))
            {
                history = new BatchItemHistory(record.Key);
                histories.Add(record.Key, history);
            }

            history.Apply(record);
            return history;
        }

        private static Dictionary<string, BatchItemHistory> Fold(byte[] content, int length, out int skipped)
        {
            var histories = new Dictionary<string, BatchItemHistory>(StringComparer.Ordinal);
            skipped = 0;
            var start = 0;
            while (start < length)
            {
                var end = Array.IndexOf(content, NewLine, start, length - start);
                var lineEnd = end < 0 ? length : end;
                if (lineEnd > start)
                {
                    var record = BatchJournalRecord.TryParse(new ReadOnlySpan<byte>(content, start, lineEnd - start));
                    if (record is null)
                    {
                        skipped++;
                    }
                    else
                    {
                        ApplyTo(histories, record);
                    }
                }

                start = lineEnd + 1;
            }

            return histories;
        }
    }
}
