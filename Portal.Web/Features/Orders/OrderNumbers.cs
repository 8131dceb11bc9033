using System.Security.Cryptography;
using Portal.Domain.Shared;

namespace Portal.Web.Features.Orders;

/// <summary>Where new order and opportunity numbers come from; replaced in tests to force a collision.</summary>
public interface IOrderNumberSource
{
    string Next(string prefix, DateTime nowUtc);
}

/// <summary>
/// Order ("SO") and opportunity ("OP") numbers: the China-time date (yyMMdd) then six random characters without
/// look-alikes, so numbers read out on the phone are unambiguous and not guessable in sequence.
/// </summary>
public sealed class RandomOrderNumbers : IOrderNumberSource
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public string Next(string prefix, DateTime nowUtc) =>
        prefix + ChinaTime.FromUtc(nowUtc).ToString("yyMMdd") + new string(RandomNumberGenerator.GetItems<char>(Alphabet, 6));
}

/// <summary>
/// Draws numbers until one is free. A day has 31^6 (about 887 million) numbers per prefix, so a clash is rare, but
/// when it happens the next draw is taken instead of failing on the unique index or, worse, reusing a number.
/// The check runs inside the placing transaction (immediate on SQLite), and the unique index still guards the rest.
/// </summary>
public static class OrderNumbers
{
    public const int MaxDraws = 5;

    public static async Task<string> FreeAsync(IOrderNumberSource source, string prefix, DateTime nowUtc, Func<string, Task<bool>> isTaken)
    {
        for (var draw = 0; draw < MaxDraws; draw++)
        {
            var candidate = source.Next(prefix, nowUtc);
            if (!await isTaken(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"No free {prefix} number after {MaxDraws} draws; the number source is broken.");
    }
}
