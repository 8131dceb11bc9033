using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Portal.Bench;

/// <summary>
/// One scenario's figures as a markdown table, headed with what makes them comparable: the machine's core count,
/// the commit and the engine. Program prints it and, with <c>--out &lt;file&gt;</c>, writes it to that file.
/// </summary>
internal sealed class BenchTable(string scenario, string engine, params string[] columns)
{
    private readonly List<string[]> _rows = [];
    private readonly List<string> _notes = [];

    public string Scenario { get; } = scenario;

    public string Engine { get; } = engine;

    /// <summary>Adds a row; numbers are formatted with the invariant culture (doubles to one or two decimals).</summary>
    public void Add(params object?[] cells)
    {
        if (cells.Length != columns.Length)
        {
            throw new ArgumentException($"{Scenario}: a row needs {columns.Length} cells, not {cells.Length}");
        }

        var row = cells.Select(c => c switch
        {
            double d => d.ToString("0.0#", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            null => "",
            _ => c.ToString() ?? "",
        }).ToArray();
        _rows.Add(row);
        Console.WriteLine(string.Join("  ", row.Select((cell, i) => $"{columns[i]}={cell}")));
    }

    /// <summary>A line under the table: what the figures mean or what was configured for the run.</summary>
    public void Note(string note) => _notes.Add(note);

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"**{Scenario}** · engine {Engine} · {Environment.ProcessorCount} cores · commit {Commit()} · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        text.AppendLine("| " + string.Join(" | ", columns) + " |");
        text.AppendLine("|" + string.Concat(columns.Select(_ => "---|")));
        foreach (var row in _rows)
        {
            text.AppendLine("| " + string.Join(" | ", row) + " |");
        }

        if (_notes.Count > 0)
        {
            text.AppendLine();
            foreach (var note in _notes)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
            }
        }

        return text.ToString();
    }

    /// <summary>The short commit of the working tree the harness runs from, or "unknown" outside a git checkout.</summary>
    private static string Commit()
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", "rev-parse --short HEAD")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = AppContext.BaseDirectory,
            });
            if (git is null)
            {
                return "unknown";
            }

            var commit = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 && commit.Length > 0 ? commit : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
