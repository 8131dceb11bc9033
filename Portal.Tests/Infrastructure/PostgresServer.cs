using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster for the whole test run: initdb in a temporary folder on a free port, started on
/// first use and removed when the test process exits. PostgreSQL refuses to run as root, so as root the cluster
/// belongs to the <c>postgres</c> user (./test.sh installs the server from apt when it is missing).
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<PostgresServer> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _bin;
    private readonly string _folder;

    private PostgresServer(string bin, string folder, int port)
    {
        _bin = bin;
        _folder = folder;
        Port = port;
    }

    public static PostgresServer Instance => Shared.Value;

    public int Port { get; }

    /// <summary>Connection string for a database of this cluster (the superuser, trusted on 127.0.0.1).</summary>
    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = "postgres",
            Database = database,
            MaxPoolSize = 60,
            Timeout = 30,
        }.ToString();

    /// <summary>Creates an empty database with a unique name; the caller drops it with <see cref="DropDatabaseAsync"/>.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "portal")
    {
        var name = $"{prefix}_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return name;
    }

    /// <summary>Drops a database, ending whatever connections its portal's pool still holds.</summary>
    public async Task DropDatabaseAsync(string name)
    {
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static PostgresServer Start()
    {
        var bin = FindBinaries();
        var folder = Directory.CreateTempSubdirectory("portal-pg-").FullName;
        var data = Path.Combine(folder, "data");
        if (Environment.UserName == "root")
        {
            Run("chown", "-R", "postgres:postgres", folder);
        }

        var port = FreePort();
        var server = new PostgresServer(bin, folder, port);
        server.RemoveWhenThisProcessEnds(data);
        server.AsOwner("initdb", "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync");
        // Durability settings are off: the cluster lives for one test run.
        server.AsOwner(
            "pg_ctl", "start", "-D", data, "-w", "-t", "60", "-l", Path.Combine(folder, "server.log"), "-o",
            $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off " +
            "-c synchronous_commit=off -c full_page_writes=off -c shared_buffers=64MB");
        return server;
    }

    /// <summary>
    /// The test host may be ended before its exit handlers finish, so a detached watcher stops the cluster and deletes
    /// its folder once this process is gone; the exit handler only stops the server early.
    /// </summary>
    private void RemoveWhenThisProcessEnds(string data)
    {
        var stop = $"{(Environment.UserName == "root" ? "runuser -u postgres -- " : "")}'{Path.Combine(_bin, "pg_ctl")}' stop -D '{data}' -m immediate -w";
        var watcher = new ProcessStartInfo("setsid")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in (string[])["sh", "-c", $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; {stop}; rm -rf '{_folder}'"])
        {
            watcher.ArgumentList.Add(arg);
        }

        Process.Start(watcher)!.Dispose();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => AsOwner("pg_ctl", "stop", "-D", data, "-m", "immediate", "-w");
    }

    private void AsOwner(string tool, params string[] args) => RunAsOwner(Path.Combine(_bin, tool), args);

    private static void RunAsOwner(string program, string[] args)
    {
        if (Environment.UserName == "root")
        {
            Run("runuser", ["-u", "postgres", "--", program, .. args]);
        }
        else
        {
            Run(program, args);
        }
    }

    private static void Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        args.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited {process.ExitCode}: {output.Result}{error.Result}");
        }
    }

    /// <summary>The newest PostgreSQL installed from Debian's packages.</summary>
    private static string FindBinaries()
    {
        var root = "/usr/lib/postgresql";
        var versions = Directory.Exists(root)
            ? Directory.GetDirectories(root).Where(d => File.Exists(Path.Combine(d, "bin", "initdb"))).OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0).ToList()
            : [];
        return versions.Count > 0
            ? Path.Combine(versions[0], "bin")
            : throw new InvalidOperationException("PostgreSQL is not installed (apt-get install -y postgresql); ./test.sh installs it.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
