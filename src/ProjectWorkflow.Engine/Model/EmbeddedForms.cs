namespace ProjectWorkflow.Engine.Model;

/// <summary>
/// Forms drawn with a process: the designer's form editor writes each form-js schema a user task names
/// (<c>camunda:formRef</c>) into the process's <c>extensionElements</c> as <c>&lt;pwf:form&gt;{ JSON }&lt;/pwf:form&gt;</c>,
/// so the form is saved with the drawing's draft, deployed with its version (hashed, approved and diffed with it)
/// and pinned to the instances of that version, as Camunda 8 embeds <c>zeebe:userTaskForm</c>. Tools that do not
/// know the namespace keep the element as it is.
/// </summary>
public static class EmbeddedForms
{
    public const string Namespace = "urn:projectworkflow:forms:1.0";
    public const string Element = "form";
}
