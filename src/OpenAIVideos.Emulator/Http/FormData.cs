using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace OpenAIVideos.Emulator.Http
{
    /// <summary>The fields and files of a multipart/form-data or urlencoded body, in the order they came.</summary>
    internal sealed class FormData
    {
        private readonly Dictionary<string, FormValues> _fields;

        public FormData(IEnumerable<KeyValuePair<string, string>> fields, IEnumerable<FormFile> files)
        {
            _fields = new Dictionary<string, FormValues>(StringComparer.Ordinal);
            foreach (var (name, value) in fields)
            {
                if (!_fields.TryGetValue(name, out FormValues? values))
                {
                    _fields[name] = values = new FormValues();
                }

                values.Add(value);
            }

            Files = new FormFiles(files.ToList());
        }

        /// <summary>A form with nothing in it: what a body that is not a form reads as.</summary>
        public static FormData Empty { get; } = new FormData(Array.Empty<KeyValuePair<string, string>>(), Array.Empty<FormFile>());

        /// <summary>Names of the text fields (files are in <see cref="Files"/>).</summary>
        public IEnumerable<string> Keys => _fields.Keys;

        public FormFiles Files { get; }

        /// <summary>The values of a text field; empty when absent.</summary>
        public FormValues this[string name] => _fields.TryGetValue(name, out FormValues? values) ? values : new FormValues();

        public bool TryGetValue(string name, out FormValues values)
        {
            bool found = _fields.TryGetValue(name, out FormValues? existing);
            values = existing ?? new FormValues();
            return found;
        }
    }

    /// <summary>The values of one form field; <see cref="ToString"/> joins repeats with commas.</summary>
    internal sealed class FormValues : IEnumerable<string>
    {
        private readonly List<string> _values = new List<string>();

        public void Add(string value) => _values.Add(value);

        public override string ToString() => string.Join(",", _values);

        public IEnumerator<string> GetEnumerator() => _values.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>The file parts of a form.</summary>
    internal sealed class FormFiles : IEnumerable<FormFile>
    {
        private readonly IReadOnlyList<FormFile> _files;

        public FormFiles(IReadOnlyList<FormFile> files) => _files = files;

        /// <summary>The first file part named <paramref name="name"/>, or null.</summary>
        public FormFile? GetFile(string name) => _files.FirstOrDefault(file => string.Equals(file.Name, name, StringComparison.Ordinal));

        public IEnumerator<FormFile> GetEnumerator() => _files.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>One uploaded file part: its field name, file name, declared type and bytes.</summary>
    internal sealed class FormFile
    {
        private readonly ReadOnlyMemory<byte> _content;

        public FormFile(string name, string fileName, string? contentType, ReadOnlyMemory<byte> content)
        {
            Name = name;
            FileName = fileName;
            ContentType = contentType;
            _content = content;
        }

        public string Name { get; }

        public string FileName { get; }

        public string? ContentType { get; }

        public long Length => _content.Length;

        public Task CopyToAsync(Stream target) => target.WriteAsync(_content).AsTask();

        public Stream OpenReadStream() => new MemoryStream(_content.ToArray(), writable: false);
    }
}
