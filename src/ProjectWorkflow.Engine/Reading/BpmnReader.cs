using System.Text;
using System.Xml;
using System.Xml.Linq;
using ProjectWorkflow.Engine.Model;

namespace ProjectWorkflow.Engine.Reading;

/// <summary>
/// Reads a BPMN 2.0 file into a <see cref="BpmnDocument"/>. Never throws: input that cannot be
/// read comes back as problems a modeller can act on. Checking the document against the
/// subset the engine runs is the validator's job, not the reader's.
/// </summary>
public static class BpmnReader
{
    /// <summary>Larger files are refused rather than read, so one upload cannot exhaust memory.</summary>
    public const int MaxCharacters = 20_000_000;

    /// <summary>
    /// How deeply elements may nest. Real models nest a few levels of sub-processes inside
    /// definitions/process/extensionElements; a file nested thousands deep is an attack on the reader.
    /// </summary>
    public const int MaxDepth = 64;

    /// <summary>How many elements a file may have (diagram shapes included): generous for any real model.</summary>
    public const int MaxElements = 100_000;

    static BpmnReader()
    {
        // Files from Chinese tools often declare GBK or GB2312; .NET only knows them once the
        // code-page provider is registered.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>Reads the file's bytes; the XML declaration (or byte order mark) decides the encoding.</summary>
    public static BpmnReadResult Read(byte[] xml)
    {
        if (xml is null || xml.Length == 0) return Empty();
        var result = Parse(() => XmlReader.Create(new MemoryStream(xml, writable: false), Settings()), Opening(xml), out var declaredEncoding);
        return result.Document is null ? result : result with { Xml = XmlTextDecoder.Decode(xml, declaredEncoding) };
    }

    public static BpmnReadResult Read(Stream xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        using var buffer = new MemoryStream();
        try
        {
            // Bytes per character are at most 4, so this bound never refuses a file the
            // character limit would accept.
            var chunk = new byte[81920];
            int read;
            while ((read = xml.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + read > 4L * MaxCharacters) return TooLarge();
                buffer.Write(chunk, 0, read);
            }
        }
        catch (IOException ex)
        {
            return BpmnReadResult.Unreadable(new DefinitionProblem(null, "file", 0, $"The file could not be read: {ex.Message}"));
        }
        return Read(buffer.ToArray());
    }

    /// <summary>Reads text that is already decoded; any encoding in its declaration is ignored.</summary>
    public static BpmnReadResult Read(string xml)
    {
        if (string.IsNullOrWhiteSpace(xml)) return Empty();
        var result = Parse(() => XmlReader.Create(new StringReader(xml), Settings()), xml[..Math.Min(xml.Length, 4096)], out _);
        return result.Document is null ? result : result with { Xml = xml };
    }

    // The settings that keep hostile files harmless: no DTD (so no entity expansion or
    // external entities), no resolver, and a cap on the document's size.
    private static XmlReaderSettings Settings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharacters,
        // Without a DTD only the predefined entities (&amp; ...) exist; this bound is a second
        // fence in case that ever changes. (0 would mean "no limit" to XmlReader.)
        MaxCharactersFromEntities = 1_000_000,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    /// <summary>Parses and builds the document; <paramref name="opening"/> is the file's first characters, for naming a DOCTYPE.</summary>
    private static BpmnReadResult Parse(Func<XmlReader> open, string opening, out string? declaredEncoding)
    {
        declaredEncoding = null;
        XDocument xml;
        try
        {
            // A streaming pass first: depth and element count are refused before any tree is built.
            if (MeasureShape(open) is { } tooComplex) return BpmnReadResult.Unreadable(tooComplex);
            using var reader = open();
            xml = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            return BpmnReadResult.Unreadable(Describe(ex, opening));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or DecoderFallbackException)
        {
            // An encoding name .NET does not know can surface as one of these instead of XmlException.
            return BpmnReadResult.Unreadable(new DefinitionProblem(null, "file", 0,
                $"The file's encoding cannot be read: {ex.Message} Save it as UTF-8 and upload it again."));
        }

        if (xml.Root is null) return Empty();
        var problems = new List<DefinitionProblem>();
        BpmnDocument? document;
        try
        {
            document = DocumentReader.Read(xml.Root, problems);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A reader bug must not become a stack trace for the modeller; it still names itself.
            return BpmnReadResult.Unreadable(new DefinitionProblem(null, "file", 0,
                $"The file could not be read because of an internal error ({ex.GetType().Name}: {ex.Message}). Please report it with the file."));
        }
        declaredEncoding = xml.Declaration?.Encoding;
        return new BpmnReadResult(document, problems, null);
    }

    /// <returns>A problem when the file nests deeper than <see cref="MaxDepth"/> or has more than <see cref="MaxElements"/> elements; else null.</returns>
    private static DefinitionProblem? MeasureShape(Func<XmlReader> open)
    {
        using var reader = open();
        var elements = 0;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element) continue;
            var line = (reader as IXmlLineInfo)?.LineNumber ?? 0;
            if (reader.Depth >= MaxDepth)
                return new DefinitionProblem(null, reader.LocalName, line,
                    $"Elements are nested more than {MaxDepth} levels deep here; a BPMN model never needs that many. Flatten the model.");
            if (++elements > MaxElements)
                return new DefinitionProblem(null, "file", line,
                    $"The file has more than {MaxElements:N0} elements; a BPMN definition may have at most that many. Split the model.");
        }
        return null;
    }

    private static DefinitionProblem Describe(XmlException ex, string opening)
    {
        if (IsDoctype(ex, opening))
        {
            return new DefinitionProblem(null, "DOCTYPE", ex.LineNumber > 0 ? ex.LineNumber : LineOf(opening, "<!DOCTYPE"),
                "DOCTYPE declarations are not allowed (they enable XML entity attacks). Remove the <!DOCTYPE ...> line; BPMN files never need one.");
        }
        if (ex.Message.Contains("MaxCharactersInDocument", StringComparison.Ordinal))
        {
            return TooLarge().Problems[0];
        }
        return new DefinitionProblem(null, "xml", ex.LineNumber,
            $"The file is not well-formed XML{(ex.LineNumber > 0 ? $" at line {ex.LineNumber}, position {ex.LinePosition}" : "")}: {ex.Message}");
    }

    // XmlReader reports a prohibited DTD with a generic XmlException; recognise it by its
    // message or by the DOCTYPE in the file's opening, so the modeller is told why.
    private static bool IsDoctype(XmlException ex, string opening) =>
        ex.Message.Contains("DTD", StringComparison.Ordinal) || opening.Contains("<!DOCTYPE", StringComparison.Ordinal);

    // XmlReader does not always say where the DOCTYPE is; the opening of the file does.
    private static int LineOf(string text, string marker)
    {
        var index = text.IndexOf(marker, StringComparison.Ordinal);
        return index < 0 ? 0 : 1 + text.AsSpan(0, index).Count('\n');
    }

    // Enough of the file to spot a DOCTYPE whatever the encoding: the markup is ASCII, and
    // dropping NULs makes UTF-16 readable the same way.
    private static string Opening(byte[] bytes) =>
        Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 4096)).Replace("\0", "", StringComparison.Ordinal);

    private static BpmnReadResult Empty() =>
        BpmnReadResult.Unreadable(new DefinitionProblem(null, "file", 0, "The file is empty. Upload a BPMN 2.0 file (.bpmn) exported from a modeller."));

    private static BpmnReadResult TooLarge() =>
        BpmnReadResult.Unreadable(new DefinitionProblem(null, "file", 0,
            $"The file is larger than the {MaxCharacters / 1_000_000} million characters a BPMN definition may have."));
}
