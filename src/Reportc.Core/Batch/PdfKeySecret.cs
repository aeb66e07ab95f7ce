using System.Security.Cryptography;

namespace Reportc.Batch;

/// <summary>
/// The secret a PDF's key is signed with, kept outside every output folder, so that a PDF planted in the
/// outputs (a township's submission can hold any file) cannot carry a key reportc accepts as "unchanged":
/// the <c>REPORTC_PDF_SECRET</c> variable (a CI secret, for a cache that outlives the machine), else a random
/// secret in the user's cache folder (<c>$XDG_CACHE_HOME/reportc/pdf-secret</c> or <c>~/.cache/…</c>, 0600),
/// made on first use. Without either, nothing is kept and every PDF is printed.
/// </summary>
internal static class PdfKeySecret
{
    private static readonly Lazy<byte[]?> Value = new(Load);

    /// <summary>The key of <paramref name="content"/>, or null when there is no secret to sign it with.</summary>
    public static string? Sign(byte[] content) =>
        Value.Value is { } secret ? Convert.ToHexString(HMACSHA256.HashData(secret, content))[..32] : null;

    private static byte[]? Load()
    {
        if (Environment.GetEnvironmentVariable("REPORTC_PDF_SECRET") is { Length: > 0 } given)
        {
            return System.Text.Encoding.UTF8.GetBytes(given);
        }

        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Environment.GetFolderPath(OperatingSystem.IsWindows() ? Environment.SpecialFolder.LocalApplicationData : Environment.SpecialFolder.UserProfile) is { Length: > 0 } home
                ? OperatingSystem.IsWindows() ? home : Path.Combine(home, ".cache")
                : null;
        if (cache is null)
        {
            return null;
        }

        var path = Path.Combine(cache, "reportc", "pdf-secret");
        try
        {
            if (File.Exists(path) && File.ReadAllBytes(path) is { Length: >= 32 } kept)
            {
                return kept;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var secret = RandomNumberGenerator.GetBytes(32);
            var temporary = path + "." + Guid.NewGuid().ToString("N");
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var file = new FileStream(temporary, options))
            {
                file.Write(secret);
            }

            // Two runs at once: the first secret in place wins, and both read it.
            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException)
            {
                File.Delete(temporary);
            }

            return File.ReadAllBytes(path) is { Length: >= 32 } written ? written : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
