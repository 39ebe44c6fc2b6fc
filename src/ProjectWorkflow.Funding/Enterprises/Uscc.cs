using ProjectWorkflow.Funding.Rules;

namespace ProjectWorkflow.Funding.Enterprises;

/// <summary>
/// 统一社会信用代码 (Unified Social Credit Code, GB 32100-2015): 18 characters from a 31-character
/// alphabet without I, O, Z, S, V; the last is a check character computed from the first 17.
/// </summary>
public readonly record struct Uscc
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    private Uscc(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    /// <summary>Checks a code as typed (spaces and lower case forgiven) and says what is wrong, in Chinese and in English, kept apart.</summary>
    public static bool TryParse(string? text, out Uscc code, out RuleMessage? problem)
    {
        code = default;
        var value = (text ?? "").Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (value.Length != 18)
        {
            problem = new RuleMessage($"统一社会信用代码应为18位，现为{value.Length}位。", $"The unified social credit code has 18 characters; this one has {value.Length}.");
            return false;
        }
        for (var i = 0; i < 18; i++)
        {
            if (Alphabet.IndexOf(value[i]) < 0)
            {
                problem = new RuleMessage($"第{i + 1}位“{value[i]}”不是有效字符（不使用I、O、Z、S、V）。", $"Character {i + 1} ('{value[i]}') is not allowed (I, O, Z, S and V are never used).");
                return false;
            }
        }
        var expected = CheckCharacter(value.AsSpan(0, 17));
        if (value[17] != expected)
        {
            problem = new RuleMessage("校验位不符，请核对代码。", "The check character does not match: please check the code for a typing error.");
            return false;
        }
        code = new Uscc(value);
        problem = null;
        return true;
    }

    public static Uscc Parse(string text) =>
        TryParse(text, out var code, out var problem) ? code : throw new FormatException(problem!.English);

    /// <summary>The check character for the first 17 characters (also used to make valid demo codes).</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += Alphabet.IndexOf(first17[i]) * Weights[i];
        var check = 31 - sum % 31;
        return Alphabet[check == 31 ? 0 : check];
    }
}
