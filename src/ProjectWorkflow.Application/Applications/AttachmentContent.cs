using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using ProjectWorkflow.Funding.Rules;

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

    private static readonly RuleMessage BrokenJpeg = new("该 JPEG 图片的结构已损坏。", "The JPEG image's structure is broken.");

    /// <summary>Null when the file is what <paramref name="extension"/> says; otherwise why not, in Chinese and in English.</summary>
    public static RuleMessage? Problem(string extension, string path)
    {
        try
        {
            using var file = File.OpenRead(path);
            return extension.ToLowerInvariant() switch
            {
                ".pdf" => Pdf(file),
                ".docx" => OfficeDocument(file, "word/document.xml", "Word document", "Word 文档"),
                ".xlsx" => OfficeDocument(file, "xl/workbook.xml", "Excel workbook", "Excel 工作簿"),
                ".png" => Png(file),
                ".jpg" or ".jpeg" => Jpeg(file),
                _ => new("不接受此类文件。", "This kind of file is not accepted."),
            };
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException)
        {
            var kind = extension.TrimStart('.').ToUpperInvariant();
            return new($"该文件无法作为 {kind} 文件读取。", $"The file cannot be read as a {kind} file.");
        }
    }

    private static RuleMessage? Pdf(FileStream file)
    {
        var head = new byte[8];
        file.ReadExactly(head);
        if (!(head.AsSpan(0, 5).SequenceEqual("%PDF-"u8) && head[5] is (byte)'1' or (byte)'2' && head[6] == '.' && char.IsAsciiDigit((char)head[7])))
            return new("文件开头不是 PDF 文件头（%PDF-1.x）。", "The file does not start like a PDF (%PDF-1.x).");

        // The trailer: "startxref", the offset of the cross-reference section, "%%EOF" (then at most whitespace).
        var tailLength = (int)Math.Min(file.Length, 2048);
        var tail = new byte[tailLength];
        file.Seek(-tailLength, SeekOrigin.End);
        file.ReadExactly(tail);
        var text = Encoding.Latin1.GetString(tail).TrimEnd('\r', '\n', ' ', '\t', '\0');
        if (!text.EndsWith("%%EOF", StringComparison.Ordinal))
            return new("该 PDF 文件不以 %%EOF 结尾：文件不完整，或并非 PDF。", "The PDF does not end with %%EOF: it is cut off or not a PDF.");
        var at = text.LastIndexOf("startxref", StringComparison.Ordinal);
        if (at < 0)
            return new("该 PDF 文件没有 startxref 文件尾：文件不完整，或并非 PDF。", "The PDF has no startxref trailer: it is cut off or not a PDF.");
        var offset = text[(at + "startxref".Length)..^"%%EOF".Length].Trim();
        if (!long.TryParse(offset, out var xref) || xref <= 0 || xref >= file.Length)
            return new("该 PDF 文件的 startxref 未指向文件内的位置。", "The PDF's startxref does not point into the file.");
        return null;
    }

    private static RuleMessage? OfficeDocument(FileStream file, string mainPart, string kind, string kindZh)
    {
        using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
        if (zip.Entries.Count > 10_000)
            return new($"该 {kindZh}包含的部件过多。", $"The {kind} has too many parts.");
        var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        if (!names.Contains("[Content_Types].xml"))
            return new("该文件是 ZIP 压缩包，但不是 Office 文档（缺少 [Content_Types].xml）。", $"The file is a ZIP archive but not an Office document (no [Content_Types].xml).");
        if (!names.Contains(mainPart))
            return new($"该文件不是 {kindZh}（缺少 {mainPart}）。", $"The file is not a {kind} (it has no {mainPart}).");
        return null;
    }

    private static RuleMessage? Png(FileStream file)
    {
        var head = new byte[33];
        file.ReadExactly(head);
        if (!head.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
            return new("文件开头不是 PNG 图片的文件头。", "The file does not start like a PNG image.");
        if (BinaryPrimitives.ReadUInt32BigEndian(head.AsSpan(8)) != 13 || !head.AsSpan(12, 4).SequenceEqual("IHDR"u8))
            return new("该 PNG 图片缺少文件头数据块（IHDR）。", "The PNG image has no header chunk (IHDR).");
        var width = BinaryPrimitives.ReadUInt32BigEndian(head.AsSpan(16));
        var height = BinaryPrimitives.ReadUInt32BigEndian(head.AsSpan(20));
        if (width is 0 or > MaxImageSide || height is 0 or > MaxImageSide)
            return new($"该 PNG 图片的尺寸 {width}×{height} 不是合理的图片尺寸。", $"The PNG image's size {width}×{height} is not a sane picture size.");
        var (depth, colour, compression, filter, interlace) = (head[24], head[25], head[26], head[27], head[28]);
        if (depth is not (1 or 2 or 4 or 8 or 16) || colour is not (0 or 2 or 3 or 4 or 6) || compression != 0 || filter != 0 || interlace > 1)
            return new("该 PNG 图片的文件头无效。", "The PNG image's header is not valid.");

        var end = new byte[12];
        file.Seek(-12, SeekOrigin.End);
        file.ReadExactly(end);
        if (!end.AsSpan().SequenceEqual(new byte[] { 0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82 }))
            return new("该 PNG 图片不以 IEND 数据块结尾（其后附加了其他内容，或文件不完整）。", "The PNG image does not end with its IEND chunk (something is appended, or it is cut off).");
        return null;
    }

    private static RuleMessage? Jpeg(FileStream file)
    {
        var marker = new byte[4];
        file.ReadExactly(marker.AsSpan(0, 2));
        if (marker[0] != 0xFF || marker[1] != 0xD8)
            return new("文件开头不是 JPEG 图片的文件头。", "The file does not start like a JPEG image.");

        // Walk the marker segments (each FF xx and a big-endian length) to the frame header.
        while (file.Position + 4 <= file.Length)
        {
            file.ReadExactly(marker);
            if (marker[0] != 0xFF)
                return BrokenJpeg;
            var code = marker[1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(marker.AsSpan(2));
            if (length < 2)
                return BrokenJpeg;
            if (code is >= 0xC0 and <= 0xCF && code is not (0xC4 or 0xC8 or 0xCC))
            {
                var frame = new byte[5];
                file.ReadExactly(frame);
                var height = BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(1));
                var width = BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(3));
                return height is 0 or > MaxImageSide || width is 0 or > MaxImageSide
                    ? new($"该 JPEG 图片的尺寸 {width}×{height} 不是合理的图片尺寸。", $"The JPEG image's size {width}×{height} is not a sane picture size.")
                    : null;
            }
            if (code is 0xDA or 0xD9)
                break;
            file.Seek(length - 2, SeekOrigin.Current);
        }
        return new("该 JPEG 图片缺少帧头（SOF），不是有效的图片。", "The JPEG image has no frame header (SOF): it is not a picture.");
    }
}
