using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Portal.Domain.Shared;

namespace Portal.Infrastructure.Persistence;

/// <summary>How the domain's value objects are stored: as their plain value, rebuilt through their own validation.</summary>
internal static class Conversions
{
    public sealed class MoneyConverter() : ValueConverter<Money, decimal>(m => m.Amount, d => Money.Yuan(d));

    public sealed class MsisdnConverter() : ValueConverter<Msisdn, string>(m => m.Value, s => Msisdn.FromStored(s));

    public sealed class ResidentIdConverter() : ValueConverter<ResidentId, string>(r => r.Value, s => ResidentId.Parse(s));

    public sealed class TrackingCodeConverter() : ValueConverter<TrackingCode, string>(t => t.Value, s => ParseTrackingCode(s));

    /// <summary>A small list of strings (tags, serials) kept as a JSON array in one column.</summary>
    public sealed class StringListConverter() : ValueConverter<List<string>, string>(
        list => JsonSerializer.Serialize(list, JsonSerializerOptions.Default),
        json => JsonSerializer.Deserialize<List<string>>(json, JsonSerializerOptions.Default) ?? new List<string>());

    public sealed class StringListComparer() : ValueComparer<List<string>>(
        (a, b) => a!.SequenceEqual(b!),
        list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item.GetHashCode())),
        list => list.ToList());

    private static TrackingCode ParseTrackingCode(string value) =>
        TrackingCode.TryParse(value, out var code) ? code : throw new InvalidOperationException($"Stored tracking code '{value}' is malformed.");
}
