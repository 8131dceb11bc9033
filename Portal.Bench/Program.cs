// One harness for every hot path: dotnet run -c Release --project Portal.Bench -- <scenario> [options] [--out <file>]
using Portal.Bench;

var options = new BenchOptions(args.Skip(1));
var output = options.Take("--out");
var rest = args.Take(1).Concat(options.Positional).ToArray();
BenchTable? table = args.FirstOrDefault() switch
{
    "intake" => await IntakeBenchmark.RunAsync(rest),
    "webhooks" => await WebhookBenchmark.RunAsync(rest),
    "tracking" => await TrackingBenchmark.RunAsync(rest),
    "circuits" => await CircuitBenchmark.RunAsync(rest),
    "routing" => RoutingBenchmark.Run(rest),
    "manifests" => await ManifestBenchmark.RunAsync(rest),
    "reconcile" => ReconcileBenchmark.Run(rest),
    _ => null,
};
if (table is null)
{
    Console.Error.WriteLine("usage: Portal.Bench <intake|webhooks|tracking|circuits|routing|manifests|reconcile> [options] [--out <file>]");
    Environment.ExitCode = 2;
    return;
}

var markdown = table.ToMarkdown();
Console.WriteLine();
Console.WriteLine(markdown);
if (output is not null)
{
    await File.WriteAllTextAsync(output, markdown);
}
