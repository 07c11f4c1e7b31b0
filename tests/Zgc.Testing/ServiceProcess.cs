using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace Zgc.Testing;

/// <summary>
/// One service running as its own OS process (<c>dotnet Zgc.X.dll</c>), configured by environment variables,
/// with its output kept in a log file under artifacts/ for when a test fails.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private bool _disposed;

    private ServiceProcess(string name, Process process, StreamWriter log, Uri baseAddress)
    {
        Name = name;
        _process = process;
        _log = log;
        BaseAddress = baseAddress;
    }

    public string Name { get; }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    public int Port => BaseAddress.Port;

    public bool HasExited => _process.HasExited;

    public string LogPath => ((FileStream)_log.BaseStream).Name;

    /// <summary>
    /// Starts <c>services/{folder}/{project}</c>'s built DLL and waits until <c>/health/ready</c> answers 200. Give
    /// <paramref name="port"/> to restart a killed process where its clients expect it.
    /// </summary>
    public static async Task<ServiceProcess> Start(string folder, string project, IReadOnlyDictionary<string, string> environment,
        TimeSpan? readyTimeout = null, bool waitForReady = true, int? port = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return await StartDll(project, FindBuiltDll(folder, project), environment, readyTimeout, waitForReady, port);
    }

    /// <summary>Starts any built host DLL (e.g. the standalone composition) as <see cref="Start"/> does a service's.</summary>
    public static async Task<ServiceProcess> StartDll(string project, string dll, IReadOnlyDictionary<string, string> environment,
        TimeSpan? readyTimeout = null, bool waitForReady = true, int? port = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        port ??= FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var info = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.Environment["ASPNETCORE_URLS"] = baseAddress.ToString();
        // Also as the app's own setting: a host whose appsettings.json names Urls (the standalone one) would listen there.
        info.Environment["Urls"] = baseAddress.ToString();
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var logDirectory = Path.Combine(RepositoryRoot(), "artifacts", "system-logs");
        Directory.CreateDirectory(logDirectory);
        var log = new StreamWriter(Path.Combine(logDirectory, $"{project}-{DateTime.UtcNow:HHmmss}-{port}.log"), append: false, Encoding.UTF8)
        {
            AutoFlush = true,
        };
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {dll}");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var service = new ServiceProcess(project, process, log, baseAddress);
        if (waitForReady)
        {
            try
            {
                await service.WaitUntilReady(readyTimeout ?? TimeSpan.FromSeconds(60));
            }
            catch
            {
                // A process that never became ready must not outlive the test.
                await service.DisposeAsync();
                throw;
            }
        }

        return service;
    }

    public async Task WaitUntilReady(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode}; see {LogPath}");
            }

            try
            {
                var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{Name} was not ready within {timeout}; see {LogPath}");
    }

    /// <summary>Kills the process at once (SIGKILL): no graceful shutdown, nothing flushed.</summary>
    public void Kill()
    {
        if (!_disposed && !_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        Kill();
        _disposed = true;
        _process.Dispose();
        await _log.DisposeAsync();
    }

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Zgc.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Zgc.slnx not found above " + AppContext.BaseDirectory);
    }

    private static string FindBuiltDll(string folder, string project) => BuiltDll(Path.Combine("services", folder, project), project);

    /// <summary>The DLL of <paramref name="project"/> in <paramref name="projectDirectory"/> (from the repository root), built in this assembly's configuration.</summary>
    public static string BuiltDll(string projectDirectory, string project)
    {
        var configuration = Assembly.GetExecutingAssembly().GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var dll = Path.Combine(RepositoryRoot(), projectDirectory, "bin", configuration, "net10.0", project + ".dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build {project} first ({dll} is missing).", dll);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }
}
