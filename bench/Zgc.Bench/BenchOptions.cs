using System.Globalization;
using Zgc.Persistence;

namespace Zgc.Bench;

/// <summary>Command-line options of the bench.</summary>
public sealed class BenchOptions
{
    public int Messages { get; private set; } = 5000;

    public int Events { get; private set; } = 2000;

    public int Instances { get; private set; } = 100;

    /// <summary>raw, outbox, saga, or null for all three.</summary>
    public string? Only { get; private set; }

    public bool Quick { get; private set; }

    /// <summary>Messages per transaction of the main outbox run (a second run always uses 1).</summary>
    public int OutboxTransactionSize { get; private set; } = 100;

    /// <summary>In-flight publisher confirms of the raw loop's batched mode.</summary>
    public int RawConfirmWindow { get; private set; } = 100;

    /// <summary>Prefetch of the raw loop's consumer.</summary>
    public ushort RawPrefetch { get; private set; } = 100;

    /// <summary>After the outbox runs, measure writer, delivery and consumer each alone.</summary>
    public bool Breakdown { get; private set; } = true;


    /// <summary>Experiment: the bench's PostgreSQL sessions commit with <c>synchronous_commit=off</c> (no WAL flush wait).</summary>
    public bool PostgresAsyncCommit { get; private set; }

    /// <summary>
    /// <c>SSL Mode=Disable</c> for the bench's PostgreSQL connections even to a remote server. A server on this machine is
    /// reached without TLS anyway, by the services (<c>PostgresConnectionDefaults</c>) and by the raw baselines alike.
    /// </summary>
    public bool PostgresNoSsl { get; private set; }

    /// <summary>Leave the databases in place (for inspection); they are listed at the end.</summary>
    public bool KeepDatabases { get; private set; }

    /// <summary>The experiments switched on, for the report.</summary>
    public IEnumerable<string> Experiments()
    {
        if (PostgresNoSsl)
        {
            yield return "PostgreSQL connections without TLS (`--pg-no-ssl`)";
        }

        if (PostgresAsyncCommit)
        {
            yield return "PostgreSQL `synchronous_commit=off` for the bench's sessions (`--pg-async-commit`)";
        }
    }

    /// <summary>Also run the EF saga repository on RabbitMQ (a fresh vhost).</summary>
    public bool SagaOnRabbitMq { get; private set; }

    /// <summary>Extra configuration for the outbox and saga hosts, e.g. <c>Messaging:OutboxPollInterval=00:00:00.020</c>.</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string Postgres { get; private set; } =
        Environment.GetEnvironmentVariable("ZGC_BENCH_POSTGRES") ?? "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres";

    public string RabbitMq { get; private set; } =
        Environment.GetEnvironmentVariable("ZGC_BENCH_RABBITMQ") ?? "amqp://guest:guest@127.0.0.1:5672/";

    /// <summary>Messages or events sent (and not measured) before each measured run, so JIT and pools are warm.</summary>
    public int WarmUp => Quick ? 50 : 200;

    /// <summary>How long the idle outbox host's CPU use is measured.</summary>
    public int IdleSeconds { get; private set; }

    /// <summary>A run that has not finished after this long is reported as failed.</summary>
    public TimeSpan RunTimeout { get; private set; } = TimeSpan.FromMinutes(5);

    public bool Runs(string scenario) => Only is null || string.Equals(Only, scenario, StringComparison.OrdinalIgnoreCase);

    public const string Usage = """
        Zgc.Bench — messaging throughput on the local PostgreSQL and RabbitMQ.

          dotnet run -c Release --project bench/Zgc.Bench -- [options]

          --messages N          messages per raw/outbox run (default 5000)
          --events M            saga events (default 2000)
          --instances K         saga instances the events are spread over (default 100)
          --only raw|outbox|saga|commits  run one scenario
          --quick               small sizes for a smoke run (500 messages, 300 events, 20 instances)
          --tx-size B           messages per transaction of the main outbox run (default 100; a 1-per-transaction run follows)
          --confirm-window W    in-flight publisher confirms in the raw loop's batched mode (default 100)
          --prefetch P          raw consumer prefetch (default 100)
          --no-breakdown        skip the outbox stages measured alone (writer, delivery, consumer)
          --saga-rabbitmq       also run the EF saga repository on RabbitMQ
          --pg-no-ssl           SSL Mode=Disable for a remote server too (one on this machine is reached without TLS already)
          --pg-async-commit     experiment: synchronous_commit=off for the bench's PostgreSQL sessions (shows the WAL flush share)
          --set key=value       configuration for the outbox/saga hosts (repeatable),
                                e.g. --set Messaging:OutboxPollInterval=00:00:00.020 --set Messaging:OutboxBatchSize=500
          --postgres CS         PostgreSQL connection string without Database (env ZGC_BENCH_POSTGRES)
          --rabbitmq URI        RabbitMQ address of the default vhost (env ZGC_BENCH_RABBITMQ)
          --idle-seconds S      how long the idle outbox host's CPU use is measured (default 10)
          --keep-databases      do not drop the PostgreSQL databases the run created (for inspection)
          --timeout SECONDS     per-run timeout (default 300)
        """;

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        int? messages = null, events = null, instances = null, idle = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int NextInt() => int.Parse(Next(), CultureInfo.InvariantCulture) is var v && v > 0 ? v : throw new ArgumentException($"{args[i]} must be positive.");
            switch (args[i])
            {
                case "--messages": messages = NextInt(); break;
                case "--events": events = NextInt(); break;
                case "--instances": instances = NextInt(); break;
                case "--only":
                    options.Only = Next().ToLowerInvariant();
                    if (options.Only is not ("raw" or "outbox" or "saga" or "commits"))
                    {
                        throw new ArgumentException("--only takes raw, outbox, saga or commits.");
                    }

                    break;
                case "--quick": options.Quick = true; break;
                case "--tx-size": options.OutboxTransactionSize = NextInt(); break;
                case "--confirm-window": options.RawConfirmWindow = NextInt(); break;
                case "--prefetch": options.RawPrefetch = checked((ushort)NextInt()); break;
                case "--saga-rabbitmq": options.SagaOnRabbitMq = true; break;
                case "--no-breakdown": options.Breakdown = false; break;
                case "--pg-async-commit": options.PostgresAsyncCommit = true; break;
                case "--pg-no-ssl": options.PostgresNoSsl = true; break;
                case "--keep-databases": options.KeepDatabases = true; break;
                case "--set":
                    var pair = Next();
                    var eq = pair.IndexOf('=', StringComparison.Ordinal);
                    if (eq <= 0)
                    {
                        throw new ArgumentException($"--set expects key=value, got '{pair}'.");
                    }

                    options.Settings[pair[..eq]] = pair[(eq + 1)..];
                    break;
                case "--postgres": options.Postgres = Next(); break;
                case "--rabbitmq": options.RabbitMq = Next(); break;
                case "--idle-seconds": idle = NextInt(); break;
                case "--timeout": options.RunTimeout = TimeSpan.FromSeconds(NextInt()); break;
                default: throw new ArgumentException($"Unknown option '{args[i]}'.");
            }
        }

        if (options.PostgresAsyncCommit)
        {
            options.Postgres = options.Postgres.TrimEnd(';') + ";Options=-c synchronous_commit=off";
        }

        if (options.PostgresNoSsl)
        {
            options.Postgres = options.Postgres.TrimEnd(';') + ";SSL Mode=Disable";
        }

        // The services skip TLS to a server on this machine; the raw commit baseline must pay for the same transport.
        options.Postgres = PostgresConnectionDefaults.WithoutTlsOnThisMachine(options.Postgres);

        options.IdleSeconds = idle ?? (options.Quick ? 3 : 10);
        options.Messages = messages ?? (options.Quick ? 500 : 5000);
        options.Events = events ?? (options.Quick ? 300 : 2000);
        options.Instances = instances ?? (options.Quick ? 20 : 100);
        return options;
    }
}
