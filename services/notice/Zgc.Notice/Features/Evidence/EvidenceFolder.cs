using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Zgc.Persistence;

namespace Zgc.Notice.Features.Evidence;

/// <summary>
/// The local file store of evidence: one file per piece of evidence at <c>{notice}/{objection}/{evidence}</c> (ids only,
/// so no name an objector chooses ever becomes part of a path). Files are written under a temporary name and moved
/// into place once complete, so a half-written file is never served.
/// </summary>
internal sealed class EvidenceFolder
{
    public const string DefaultFolderName = "notice-evidence";

    public EvidenceFolder(IOptions<NoticeOptions> options, IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = options.Value.Evidence.Folder;
        if (string.IsNullOrWhiteSpace(configured))
        {
            var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
            configured = Path.Combine(database.DataDirectory, DefaultFolderName);
        }

        Root = Path.GetFullPath(configured, environment.ContentRootPath);
    }

    public string Root { get; }

    /// <summary>Copies the content into the store, counting and hashing it on the way; returns its length and SHA-256 (hex).</summary>
    public async Task<(long Length, string Sha256)> Save(Guid noticeId, Guid objectionId, Guid evidenceId, Stream content, CancellationToken cancellationToken)
    {
        var path = PathOf(noticeId, objectionId, evidenceId);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var partial = path + ".part";
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long length = 0;
        try
        {
            await using (var target = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    length += read;
                }
            }

            File.Move(partial, path);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }

        return (length, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>The stored content, or null when the file is missing.</summary>
    public Stream? Open(Guid noticeId, Guid objectionId, Guid evidenceId)
    {
        var path = PathOf(noticeId, objectionId, evidenceId);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
    }

    public void Delete(Guid noticeId, Guid objectionId, Guid evidenceId) => File.Delete(PathOf(noticeId, objectionId, evidenceId));

    private string PathOf(Guid noticeId, Guid objectionId, Guid evidenceId) =>
        Path.Combine(Root, noticeId.ToString("N"), objectionId.ToString("N"), evidenceId.ToString("N"));
}
