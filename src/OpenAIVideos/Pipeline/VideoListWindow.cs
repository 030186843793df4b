using System;
using System.Collections.Generic;

namespace OpenAIVideos.Commands.Pipeline
{
    /// <summary>What to do with one listed video.</summary>
    public readonly struct ListDecision
    {
        internal ListDecision(bool emit, bool stop)
        {
            Emit = emit;
            Stop = stop;
        }

        /// <summary>Write it.</summary>
        public bool Emit { get; }

        /// <summary>Request no more.</summary>
        public bool Stop { get; }
    }

    /// <summary>
    /// Get-Video's list filter and paging window: a status filter (any case, open set), then <c>-Skip</c>, then
    /// <c>-First</c>; says when to stop so no further page is requested.
    /// </summary>
    public sealed class VideoListWindow
    {
        private readonly HashSet<string>? _statuses;
        private ulong _toSkip;
        private ulong _left;

        /// <summary>A window; <paramref name="first"/> is <see cref="ulong.MaxValue"/> for "all".</summary>
        public VideoListWindow(IEnumerable<string>? statuses, ulong skip, ulong first)
        {
            if (statuses is not null)
            {
                _statuses = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var status in statuses)
                {
                    if (!string.IsNullOrWhiteSpace(status))
                    {
                        _statuses.Add(status.Trim());
                    }
                }

                if (_statuses.Count == 0)
                {
                    _statuses = null;
                }
            }

            _toSkip = skip;
            _left = first;
        }

        /// <summary>True when nothing more is wanted (e.g. <c>-First 0</c>).</summary>
        public bool IsSatisfied => _left == 0;

        /// <summary>
        /// A page size that fetches no more than needed when no filter makes the count unpredictable: skip + first,
        /// capped at 100; null (server default) otherwise.
        /// </summary>
        public int? SuggestedPageSize()
        {
            if (_statuses is not null || _left == ulong.MaxValue)
            {
                return null;
            }

            var wanted = _left + _toSkip;
            return wanted >= 100 || wanted < _left ? 100 : (int)Math.Max(1, wanted);
        }

        /// <summary>Decides about the next video listed.</summary>
        public ListDecision Offer(Video video)
        {
            if (video is null)
            {
                throw new ArgumentNullException(nameof(video));
            }

            if (_left == 0)
            {
                return new ListDecision(false, true);
            }

            if (_statuses is not null && !_statuses.Contains(video.Status ?? string.Empty))
            {
                return new ListDecision(false, false);
            }

            if (_toSkip > 0)
            {
                _toSkip--;
                return new ListDecision(false, false);
            }

            if (_left != ulong.MaxValue)
            {
                _left--;
            }

            return new ListDecision(true, _left == 0);
        }
    }
}
