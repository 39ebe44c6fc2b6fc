using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows;

namespace ProjectWorkflow.Application.Persistence;

/// <summary>
/// Before anything is written, every text about to be stored is checked against its column as the model
/// declares it: no longer than its maximum length, and no NUL character. SQLite would store either silently;
/// PostgreSQL refuses NUL and SQL Server and PostgreSQL refuse a too-long value with an error that would be a
/// 500. Here it is a 400 naming the field (the property's camelCase name, which is the request field's name
/// wherever a request field is stored as such), and nothing is written.
/// </summary>
public sealed class StoredTextCheck : SaveChangesInterceptor
{
    public static readonly StoredTextCheck Instance = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? context)
    {
        if (context is null) return;
        List<FieldError>? errors = null;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified)) continue;
            foreach (var property in entry.Properties)
            {
                if (property.Metadata.ClrType != typeof(string)) continue;
                if (entry.State == EntityState.Modified && !property.IsModified) continue;
                if (property.CurrentValue is not string text) continue;
                var problem = Problem(property, text);
                if (problem is null) continue;
                (errors ??= []).Add(new FieldError(JsonNamingPolicy.CamelCase.ConvertName(property.Metadata.Name), problem));
            }
        }
        if (errors is not null)
            throw new WorkflowRequestException(errors.DistinctBy(e => e.Field).ToList());
    }

    private static string? Problem(PropertyEntry property, string text)
    {
        if (text.Contains('\0')) return "Text cannot contain the NUL character (\\u0000); remove it.";
        var max = property.Metadata.GetMaxLength();
        return max is { } limit && text.Length > limit ? $"This text is at most {limit:N0} characters long; {text.Length:N0} were sent." : null;
    }
}
