using System.Xml;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Engine;
using ProjectWorkflow.Engine.Model;

namespace ProjectWorkflow.Application.Workflows.Definitions;

public sealed record DefinitionDraftView(string Key, string? Name, string? SavedBy, DateTimeOffset SavedAt);

/// <summary>A saved draft and what the engine's deploy check says of it now (each problem names its element, kind and line).</summary>
public sealed record SavedDraft(string Key, string? Name, string? SavedBy, DateTimeOffset SavedAt, IReadOnlyList<DefinitionProblem> Problems);

/// <summary>
/// An administrator keeps a drawing without deploying it: the file is stored as the draft of the process it draws
/// (its first executable process's id is the key; a later save replaces it), with who saved it and when, audited.
/// The draft need only be well-formed BPMN: it is kept even when the engine would refuse it, and the answer carries the
/// deploy check's problems (the same as <c>POST /api/definitions</c> would name), so the designer marks them on the
/// elements before anyone deploys.
/// </summary>
public sealed class SaveDefinitionDraft(ProjectWorkflowDbContext db, AuditTrail audit, TimeProvider time, WorkflowEngine engine)
{
    private const string Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    public async Task<SavedDraft> HandleAsync(byte[] content, string? savedBy, CancellationToken cancellationToken)
    {
        if (content.Length == 0)
            throw InvalidRequestException.For("body", "Send the drawing (BPMN XML) as the body.", "请求正文应为流程图（BPMN XML）。");
        if (content.Length > DeployDefinition.MaxBytes)
            throw InvalidRequestException.For("body", $"The drawing is {content.Length:N0} bytes; the limit is {DeployDefinition.MaxBytes:N0}.",
                $"流程图有 {content.Length:N0} 字节，上限为 {DeployDefinition.MaxBytes:N0}。");
        var (key, name) = ProcessOf(content);
        var draft = await db.Set<DefinitionDraftRecord>().FirstOrDefaultAsync(d => d.Key == key, cancellationToken);
        if (draft is null)
        {
            draft = new DefinitionDraftRecord { Key = key };
            db.Add(draft);
        }
        draft.Name = name;
        draft.Content = content;
        draft.SavedBy = savedBy;
        draft.SavedAt = time.GetUtcNow();
        audit.Record("definition.draft-saved", "definition", key, detail: $"{content.Length} bytes");
        await db.SaveChangesAsync(cancellationToken);
        return new SavedDraft(key, name, savedBy, draft.SavedAt, engine.CompileEach(content).Problems);
    }

    private static (string Key, string? Name) ProcessOf(byte[] content)
    {
        XDocument document;
        try
        {
            using var stream = new MemoryStream(content);
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw InvalidRequestException.For("body", $"The drawing is not well-formed XML: {e.Message}", $"流程图不是格式正确的 XML：{e.Message}");
        }
        var processes = document.Root?.Elements(XName.Get("process", Bpmn)).ToList() ?? [];
        var process = processes.FirstOrDefault(p => (string?)p.Attribute("isExecutable") == "true") ?? processes.FirstOrDefault();
        var key = ((string?)process?.Attribute("id"))?.Trim();
        if (document.Root?.Name != XName.Get("definitions", Bpmn) || string.IsNullOrEmpty(key))
            throw InvalidRequestException.For("body", "The drawing is not a BPMN file with a process that has an id.", "流程图不是含有带 id 流程的 BPMN 文件。");
        if (key.Length > 255)
            throw InvalidRequestException.For("body", "The process id is longer than 255 characters.", "流程 id 超过 255 个字符。");
        var name = ((string?)process!.Attribute("name"))?.Trim();
        return (key, string.IsNullOrEmpty(name) ? null : name[..Math.Min(name.Length, 500)]);
    }
}
