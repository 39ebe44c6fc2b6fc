using System.Text.RegularExpressions;

namespace ProjectWorkflow.Funding.Enterprises;

/// <summary>A bank account number: 8 to 34 digits (spaces and dashes as written are ignored), shown masked to those who do not pay it.</summary>
public static partial class BankAccountNumber
{
    public static string Normalize(string? text) => Separators().Replace(text ?? "", "");

    public static bool IsValid(string? text) => Digits().IsMatch(Normalize(text));

    /// <summary>The last four digits only, e.g. <c>****0001</c>.</summary>
    public static string Mask(string? number)
    {
        var digits = Normalize(number);
        return digits.Length <= 4 ? new string('*', digits.Length) : $"****{digits[^4..]}";
    }

    [GeneratedRegex("[\\s-]")]
    private static partial Regex Separators();

    [GeneratedRegex("^[0-9]{8,34}$")]
    private static partial Regex Digits();
}
