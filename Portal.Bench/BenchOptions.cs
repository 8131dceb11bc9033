namespace Portal.Bench;

/// <summary>The scenario's arguments after its name: named options are taken out, the positional ones stay in order.</summary>
internal sealed class BenchOptions
{
    private readonly List<string> _args;

    public BenchOptions(IEnumerable<string> args) => _args = [.. args];

    public IReadOnlyList<string> Positional => _args;

    /// <summary>The value after <paramref name="name"/>, removed from the positional arguments; null when absent.</summary>
    public string? Take(string name)
    {
        var at = _args.IndexOf(name);
        if (at < 0)
        {
            return null;
        }

        var value = at + 1 < _args.Count ? _args[at + 1] : throw new ArgumentException($"{name} needs a value");
        _args.RemoveRange(at, 2);
        return value;
    }

    /// <summary>Whether <paramref name="name"/> was given (a flag without a value), removing it.</summary>
    public bool TakeFlag(string name) => _args.Remove(name);

    public double TakeNumber(string name, double fallback) =>
        Take(name) is { } value ? double.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : fallback;

    /// <summary>The positional argument at <paramref name="index"/> as a number, or the fallback.</summary>
    public int At(int index, int fallback) => index < _args.Count ? int.Parse(_args[index], System.Globalization.CultureInfo.InvariantCulture) : fallback;
}
