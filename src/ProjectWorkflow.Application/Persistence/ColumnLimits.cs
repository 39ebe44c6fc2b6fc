using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows;

namespace ProjectWorkflow.Application.Persistence;

/// <summary>
/// Before anything is written, every text and decimal about to be stored is checked against its column as the
/// model declares it: a text no longer than its maximum length and without a NUL character, a decimal with no more
/// digits before the point than its precision leaves (18,3: below 10^15). SQLite would store any of these silently;
/// PostgreSQL refuses NUL and SQL Server and PostgreSQL refuse a too-long value with an error that would be a
/// 500. Here it is a 400 naming the field (the property's camelCase name, which is the request field's name
/// wherever a request field is stored as such), and nothing is written.
/// </summary>
public sealed class ColumnLimits : SaveChangesInterceptor
{
    public static readonly ColumnLimits Instance = new();

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
                if (entry.State == EntityState.Modified && !property.IsModified) continue;
                var problem = property.CurrentValue switch
                {
                    string text => Problem(property, text),
                    decimal number => Problem(property, number),
                    _ => null,
                };
                if (problem is null) continue;
                (errors ??= []).Add(problem);
            }
        }
        if (errors is not null)
            throw new InvalidRequestException(errors.DistinctBy(e => e.Field).ToList());
    }

    /// <summary>The request field a property stands for: its camelCase name.</summary>
    private static string Field(PropertyEntry property) => JsonNamingPolicy.CamelCase.ConvertName(property.Metadata.Name);

    private static FieldError? Problem(PropertyEntry property, decimal number)
    {
        if (property.Metadata.GetPrecision() is not { } precision) return null;
        var whole = precision - (property.Metadata.GetScale() ?? 0);
        var limit = whole >= 28 ? decimal.MaxValue : (decimal)Math.Pow(10, whole);
        return Math.Abs(number) >= limit
            ? FieldError.Of(Field(property), $"This number is below {limit:N0} (at most {whole} digits before the decimal point); {number} was sent.",
                $"此数值须小于 {limit:N0}（整数部分最多 {whole} 位），本次提交了 {number}。")
            : null;
    }

    private static FieldError? Problem(PropertyEntry property, string text)
    {
        if (text.Contains('\0')) return FieldError.Of(Field(property), "Text cannot contain the NUL character (\\u0000); remove it.", "文本不能含 NUL 字符（\\u0000），请删除。");
        var max = property.Metadata.GetMaxLength();
        return max is { } limit && text.Length > limit
            ? FieldError.Of(Field(property), $"This text is at most {limit:N0} characters long; {text.Length:N0} were sent.", $"此项文本最多 {limit:N0} 个字符，本次提交了 {text.Length:N0} 个字符。")
            : null;
    }
}
