using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ProjectWorkflow.Application.Applications;

/// <summary>
/// Whether a stored upload really is the kind its name says, by its structure rather than a few leading bytes: a PDF
/// has its header and ends with a <c>startxref</c> offset and <c>%%EOF</c>; a DOCX or XLSX is a readable ZIP holding
/// <c>[Content_Types].xml</c> and the document part of its kind; a PNG starts with a sane <c>IHDR</c> and ends with
/// <c>IEND</c>; a JPEG starts with SOI and its marker segments lead to a frame header (SOF) with a size. A file that
/// only starts like one (<c>%PDF-&lt;html&gt;</c>, PNG bytes then SVG, any ZIP renamed .docx) is refused.
/// </summary>
public static class AttachmentContent
{
    private const int MaxImageSide = 30_000;

    /// <summary>Null when the file is what <paramref name="extension"/> says; otherwise why not.</summary>
    public static string? Problem(string extension, string path)
    {
        try
        {
            using var file = File.OpenRead(path);
            return extension.ToLowerInvariant() switch
            {
                ".pdf" => Pdf(file),
                ".docx" => OfficeDocument(file, "word/document.xml", "Word document"),
                ".xlsx" => OfficeDocument(file, "xl/workbook.xml", "Excel workbook"),
                ".png" => Png(file),
                ".jpg" or ".jpeg" => Jpeg(file),
                _ => "This kind of file is not accepted.",
            };
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException)
        {
            return $"The file cannot be read as a {extension.TrimStart('.').ToUpperInvariant()} file.";
        }
    }

    private static string? Pdf(FileStream file)
    {
        var head = new byte[8];
        file.ReadExactly(head);
        if (!(head.AsSpan(0, 5).SequenceEqual("%PDF-"u8) && head[5] is (byte)'1' or (byte)'2' && head[6] == '.' && char.IsAsciiDigit((char)head[7])))
            return "The file does not start like a PDF (%PDF-1.x).";

        // The trailer: "startxref", the offset of the cross-reference section, "%%EOF" (then at most whitespace).
        var tailLength = (int)Math.Min(file.Length, 2048);
        var tail = new byte[tailLength];
        file.Seek(-tailLength, SeekOrigin.End);
        file.ReadExactly(tail);
        var text = Encoding.Latin1.GetString(tail).TrimEnd('\r', '\n', ' ', '\t', '\0');
        if (!text.EndsWith("%%EOF", StringComparison.Ordinal))
            return "The PDF does not end with %%EOF: it is cut off or not a PDF.";
        var at = text.LastIndexOf("startxref", StringComparison.Ordinal);
        if (at < 0)
            return "The PDF has no startxref trailer: it is cut off or not a PDF.";
        var offset = text[(at + "startxref".Length)..^"%%EOF".Length].Trim();
        if (!long.TryParse(offset, out var xref) || xref <= 0 || xref >= file.Length)
            return "The PDF's startxref does not point into the file.";
        return null;
    }

    private static string? OfficeDocument(FileStream file, string mainPart, string kind)
    {
        using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
        if (zip.Entries.Count > 10_000)
            return $"The {kind} has too many parts.";
        var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        if (!names.Contains("[Content_Types].xml"))
            return $"The file is a ZIP archive but not an Office document (no [Content_Types].xml).";
        if (!names.Contains(mainPart))
            return $"The file is not a {kind} (it has no {mainPart}).";
        return null;
    }

    private static string? Png(FileStream file)
    {
        var head = new byte[33];
        file.ReadExactly(head);
        if (!head.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
            return "The file does not start like a PNG image.";
        if (BinaryPrimitives.ReadUInt32BigEndian(head.AsSpan(8)) != 13 || !head.AsSpan(12, 4).SequenceEqual("IHDR"u8))
            return "The PNG image has no header chunk (IHDR).";
        var width = BinaryPrimitives.ReadUInt32BigEndian(head.AsSpan(16));
        var height = BinaryPrimitives.ReadUInt32BigEndian(head.AsSpan(20));
        if (width is 0 or > MaxImageSide || height is 0 or > MaxImageSide)
            return $"The PNG image's size {width}×{height} is not a sane picture size.";
        var (depth, colour, compression, filter, interlace) = (head[24], head[25], head[26], head[27], head[28]);
        if (depth is not (1 or 2 or 4 or 8 or 16) || colour is not (0 or 2 or 3 or 4 or 6) || compression != 0 || filter != 0 || interlace > 1)
            return "The PNG image's header is not valid.";

        var end = new byte[12];
        file.Seek(-12, SeekOrigin.End);
        file.ReadExactly(end);
        if (!end.AsSpan().SequenceEqual(new byte[] { 0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82 }))
            return "The PNG image does not end with its IEND chunk (something is appended, or it is cut off).";
        return null;
    }

    private static string? Jpeg(FileStream file)
    {
        var marker = new byte[4];
        file.ReadExactly(marker.AsSpan(0, 2));
        if (marker[0] != 0xFF || marker[1] != 0xD8)
            return "The file does not start like a JPEG image.";

        // Walk the marker segments (each FF xx and a big-endian length) to the frame header.
        while (file.Position + 4 <= file.Length)
        {
            file.ReadExactly(marker);
            if (marker[0] != 0xFF)
                return "The JPEG image's structure is broken.";
            var code = marker[1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(marker.AsSpan(2));
            if (length < 2)
                return "The JPEG image's structure is broken.";
            if (code is >= 0xC0 and <= 0xCF && code is not (0xC4 or 0xC8 or 0xCC))
            {
                var frame = new byte[5];
                file.ReadExactly(frame);
                var height = BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(1));
                var width = BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(3));
                return height is 0 or > MaxImageSide || width is 0 or > MaxImageSide
                    ? $"The JPEG image's size {width}×{height} is not a sane picture size."
                    : null;
            }
            if (code is 0xDA or 0xD9)
                break;
            file.Seek(length - 2, SeekOrigin.Current);
        }
        return "The JPEG image has no frame header (SOF): it is not a picture.";
    }
}
