using System.Collections.Concurrent;
using ProjectWorkflow.Engine.Forms;

namespace ProjectWorkflow.Application.Workflows.Forms;

/// <summary>
/// The form-js schemas user tasks name with <c>camunda:formRef</c>, by form id: read from the workflows folder's
/// <c>forms/*.form</c> at start, beside the definitions they serve. Every node reads the same shipped files.
/// </summary>
public sealed class FormCatalog
{
    private readonly ConcurrentDictionary<string, FormSchema> _forms = new(StringComparer.Ordinal);

    public FormSchema? Find(string? formId) => formId is not null && _forms.TryGetValue(formId, out var form) ? form : null;

    public IReadOnlyCollection<string> Ids => _forms.Keys.ToList();

    /// <summary>Reads every <c>*.form</c> of the folder; returns the problems (file: what), deploying none of a broken file.</summary>
    public async Task<IReadOnlyList<string>> LoadAsync(string directory, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        if (!Directory.Exists(directory)) return problems;
        foreach (var file in Directory.EnumerateFiles(directory, "*.form").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (new FileInfo(file).Length > FormSchema.MaxBytes)
            {
                problems.Add($"{name}: larger than {FormSchema.MaxBytes:N0} bytes.");
                continue;
            }
            var form = FormSchema.Read(await File.ReadAllTextAsync(file, cancellationToken), out var wrong);
            if (form is null)
            {
                problems.AddRange(wrong.Select(w => $"{name}: {w}"));
                continue;
            }
            if (form.Id != Path.GetFileNameWithoutExtension(file))
            {
                problems.Add($"{name}: its id is '{form.Id}'; a form's file is named after its id ({form.Id}.form).");
                continue;
            }
            _forms[form.Id] = form;
        }
        return problems;
    }

    /// <summary>Adds or replaces one schema (tests, tools).</summary>
    public void Add(FormSchema form) => _forms[form.Id] = form;
}
