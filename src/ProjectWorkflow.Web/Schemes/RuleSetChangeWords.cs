using System.Globalization;
using Microsoft.Extensions.Localization;
using ProjectWorkflow.Application.Schemes;
using ProjectWorkflow.Web.Portal;

namespace ProjectWorkflow.Web.Schemes;

/// <summary>
/// A rule-set change in words, from <see cref="SchemesText"/>: the rule's name, each value in its unit (money in yuan,
/// a rate in percent, working days, months, years), and the sentence ("Subsidy rate: from 10% to 12%.").
/// </summary>
public sealed class RuleSetChangeWords(IStringLocalizer<SchemesText> t)
{
    public string Rule(RuleSetChange change)
    {
        var name = t.Of("Field", change.Field);
        return change.Item is null ? name : t["FieldWithItem", name, string.Join(": ", change.Item.Split(": ").Select(i => t.Of("Value", i)))].Value;
    }

    public string Value(RuleSetChange change, string? value)
    {
        if (value is null) return change.Field.StartsWith("window", StringComparison.Ordinal) ? t["NotSet.window"].Value : t["NotSet"].Value;
        return change.Kind switch
        {
            RuleValueKinds.Money when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var fen) => PortalFormat.Yuan(fen),
            RuleValueKinds.Rate when decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var rate) =>
                t["Unit.rate", (rate * 100).ToString("0.##", CultureInfo.InvariantCulture)].Value,
            RuleValueKinds.WorkingDays or RuleValueKinds.Months or RuleValueKinds.Years => t[$"Unit.{change.Kind}", value].Value,
            RuleValueKinds.Flag or RuleValueKinds.Text => t.Of("Value", value),
            RuleValueKinds.List => string.Join(", ", value.Split(", ").Select(v => t.Of("Value", v))),
            _ => value,
        };
    }

    public string Sentence(RuleSetChange change) =>
        t[$"Change.{change.Change}", Rule(change), Value(change, change.Before ?? change.After), Value(change, change.After)].Value;

    /// <summary>The sentence in Chinese and in English, whatever the request's language.</summary>
    public (string Zh, string En) BothLanguages(RuleSetChange change)
    {
        var reader = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(PortalSetup.Chinese);
            var zh = Sentence(change);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(PortalSetup.English);
            return (zh, Sentence(change));
        }
        finally
        {
            CultureInfo.CurrentUICulture = reader;
        }
    }
}
