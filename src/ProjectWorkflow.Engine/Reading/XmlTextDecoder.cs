using System.Text;

namespace ProjectWorkflow.Engine.Reading;

/// <summary>
/// Turns the file's bytes into the text that is kept with a definition, decoded the way the
/// XML parser decoded it: a byte order mark first, then the encoding the declaration names.
/// </summary>
internal static class XmlTextDecoder
{
    public static string Decode(byte[] bytes, string? declaredEncoding)
    {
        var fallback = BomlessUnicode(bytes) ?? Declared(declaredEncoding) ?? new UTF8Encoding(false);
        using var reader = new StreamReader(new MemoryStream(bytes, writable: false), fallback, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    // UTF-16 without a byte order mark is recognised by the parser from the "<" of the
    // declaration, so it is recognised here the same way.
    private static Encoding? BomlessUnicode(byte[] bytes) =>
        bytes.Length < 2 ? null
        : bytes[0] == (byte)'<' && bytes[1] == 0 ? new UnicodeEncoding(bigEndian: false, byteOrderMark: false)
        : bytes[0] == 0 && bytes[1] == (byte)'<' ? new UnicodeEncoding(bigEndian: true, byteOrderMark: false)
        : null;

    private static Encoding? Declared(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        try
        {
            return Encoding.GetEncoding(name.Trim());
        }
        catch (ArgumentException)
        {
            // The parser already accepted the file, so an unknown name here cannot happen in
            // practice; UTF-8 is the XML default.
            return null;
        }
    }
}
