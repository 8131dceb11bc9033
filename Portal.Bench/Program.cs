// One harness for every hot path: dotnet run -c Release --project Portal.Bench -- <scenario> [options]
var scenario = args.FirstOrDefault();
switch (scenario)
{
    case "intake":
        await Portal.Bench.IntakeBenchmark.RunAsync(args);
        break;
    case "webhooks":
        await Portal.Bench.WebhookBenchmark.RunAsync(args);
        break;
    case "routing":
        Portal.Bench.RoutingBenchmark.Run(args);
        break;
    case "manifests":
        await Portal.Bench.ManifestBenchmark.RunAsync(args);
        break;
    case "reconcile":
        Portal.Bench.ReconcileBenchmark.Run(args);
        break;
    default:
        Console.Error.WriteLine("usage: Portal.Bench <intake|webhooks|routing|manifests|reconcile> [options]");
        Environment.ExitCode = 2;
        break;
}
