namespace ProjectWorkflow.Web.Administration;

/// <summary>The administrators' pages' words: <c>AdministrationText.resx</c> (Chinese) and <c>AdministrationText.en.resx</c>.</summary>
public sealed class AdministrationText;
