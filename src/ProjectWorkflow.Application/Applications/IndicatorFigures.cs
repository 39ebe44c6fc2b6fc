using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Funding;

namespace ProjectWorkflow.Application.Applications;

/// <summary>
/// The ranges the plan's indicator figures are taken in, on the application (promised) and at the evaluation
/// (delivered): money in integer fen, patents a count, water and land whole cubic and square metres, tonnes with at
/// most three decimals. A figure outside its range is refused naming its field, in Chinese and English.
/// </summary>
public static class IndicatorFigures
{
    public const int MaxPatents = 100_000;
    public const long MaxWaterM3 = 1_000_000_000_000;
    public const decimal MaxTonnes = 1_000_000_000m;
    public const long MaxLandM2 = 10_000_000_000;

    public static void Fen(List<FieldError> errors, string field, long? value, string zh)
    {
        if (value is < 0 or > Money.MaxFen)
            errors.Add(FieldError.Of(field, $"Give {field} in integer fen, from 0 to {Money.MaxFen:N0}.", $"{zh}须为0至{Money.MaxFen:N0}分。"));
    }

    public static void Count(List<FieldError> errors, string field, long? value, long max, string zh, string unitEn, string unitZh)
    {
        if (value is < 0 || value > max)
            errors.Add(FieldError.Of(field, $"Give {field} in {unitEn}, a whole number from 0 to {max:N0}.", $"{zh}须为0至{max:N0}{unitZh}的整数。"));
    }

    public static void Tonnes(List<FieldError> errors, string field, decimal? value, string zh)
    {
        if (value is { } t && (t < 0 || t > MaxTonnes || decimal.Round(t, 3) != t))
            errors.Add(FieldError.Of(field, $"Give {field} in tonnes, from 0 to {MaxTonnes:N0}, with at most three decimals.", $"{zh}须为0至{MaxTonnes:N0}吨，最多三位小数。"));
    }

    /// <summary>No more solid waste can be put to use than was produced (checked when both are given).</summary>
    public static void Waste(List<FieldError> errors, decimal? produced, decimal? utilised)
    {
        if (produced is { } p && utilised is { } u && u > p)
            errors.Add(FieldError.Of("solidWasteUtilisedTonnes", "The solid waste put to use cannot exceed the solid waste produced.", "固体废物综合利用量不能超过产生量。"));
    }
}
