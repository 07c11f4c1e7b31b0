using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Zgc.Persistence;

namespace Zgc.Intake.Features.Attachments;

/// <summary>Where attachment bytes live. The default is a local folder; another store (object storage) implements the same three calls.</summary>
public interface IAttachmentStore
{
    /// <summary>Stores the content under a new key and returns the key and the content's SHA-256 (lower-case hex).</summary>
    Task<(string Key, string Sha256)> Save(Stream content, CancellationToken cancellationToken);

    Stream Open(string key);

    void Delete(string key);
}

/// <summary>
/// A folder on the local disk (<see cref="IntakeOptions.FileStorePath"/>, default <c>{Database:DataDirectory}/intake-files</c>).
/// Files are written under a temporary name and renamed when complete, so a crash never leaves a half-written file
/// under a real key.
/// </summary>
internal sealed class LocalFolderAttachmentStore : IAttachmentStore
{
    private readonly string _root;

    public LocalFolderAttachmentStore(IOptions<IntakeOptions> options, IConfiguration configuration, IHostEnvironment environment)
    {
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var configured = options.Value.FileStorePath ?? Path.Combine(database.DataDirectory, "intake-files");
        _root = Path.GetFullPath(configured, environment.ContentRootPath);
        Directory.CreateDirectory(_root);
    }

    public async Task<(string Key, string Sha256)> Save(Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var key = Guid.CreateVersion7().ToString("N");
        var path = PathOf(key);
        var temporary = path + ".partial";
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }

        File.Move(temporary, path);
        return (key, Convert.ToHexStringLower(sha.GetHashAndReset()));
    }

    public Stream Open(string key) => new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    public void Delete(string key) => File.Delete(PathOf(key));

    private string PathOf(string key) =>
        key.Length == 32 && key.All(char.IsAsciiHexDigitLower) ? Path.Combine(_root, key) : throw new ArgumentException("Not a storage key.", nameof(key));
}
