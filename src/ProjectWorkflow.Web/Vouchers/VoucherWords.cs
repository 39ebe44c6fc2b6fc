using Microsoft.Extensions.Localization;

namespace ProjectWorkflow.Web.Vouchers;

/// <summary>The voucher pages' word for a code the API speaks (a status): the resource <c>Prefix.code</c>, or the code itself.</summary>
public static class VoucherWords
{
    public static string Of(this IStringLocalizer<VoucherText> t, string prefix, string? code)
    {
        if (string.IsNullOrEmpty(code)) return "";
        var word = t[$"{prefix}.{code}"];
        return word.ResourceNotFound ? code : word.Value;
    }
}
