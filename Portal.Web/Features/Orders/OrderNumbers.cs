using System.Security.Cryptography;
using Portal.Domain.Shared;

namespace Portal.Web.Features.Orders;

/// <summary>
/// Order ("SO") and opportunity ("OP") numbers: the China-time date (yyMMdd) then six random characters without
/// look-alikes, so numbers read out on the phone are unambiguous and not guessable in sequence.
/// </summary>
public static class OrderNumbers
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static string NewOrderNumber(DateTime nowUtc) => New("SO", nowUtc);

    public static string NewOpportunityNumber(DateTime nowUtc) => New("OP", nowUtc);

    private static string New(string prefix, DateTime nowUtc) =>
        prefix + ChinaTime.FromUtc(nowUtc).ToString("yyMMdd") + new string(RandomNumberGenerator.GetItems<char>(Alphabet, 6));
}
