namespace Portal.Infrastructure.Documents;

public sealed class DocumentOptions
{
    public const string Section = "Documents";

    /// <summary>Debian's Chromium; Playwright cannot download its own browser here.</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>PDFs printed at once; each holds one browser tab (about 30 MB).</summary>
    public int MaxConcurrentPrints { get; set; } = 4;

    /// <summary>Start the browser when the portal starts (false: at the first PDF, as the tests do).</summary>
    public bool StartBrowserOnStartup { get; set; } = true;

    /// <summary>A PDF that takes longer is abandoned and its tab closed.</summary>
    public TimeSpan PrintTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
