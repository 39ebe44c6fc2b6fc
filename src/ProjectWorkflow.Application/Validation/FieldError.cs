namespace ProjectWorkflow.Application.Validation;

/// <summary>One thing to correct in a request: which field, and what to do about it.</summary>
public sealed record FieldError(string Field, string Message);
