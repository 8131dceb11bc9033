namespace Portal.Infrastructure.Documents;

public sealed class DocumentOptions
{
    public const string Section = "Documents";

    /// <summary>Debian's Chromium; Playwright cannot download its own browser here.</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>Where the print page's fonts are looked for (<see cref="PrintFonts"/>).</summary>
    public string FontDirectory { get; set; } = "/usr/share/fonts";

    /// <summary>PDFs printed at once; each holds one browser tab (about 30 MB).</summary>
    public int MaxConcurrentPrints { get; set; } = 4;

    /// <summary>Start the browser when the portal starts (false: at the first PDF, as the tests do).</summary>
    public bool StartBrowserOnStartup { get; set; } = true;

    /// <summary>A PDF that takes longer is abandoned and its tab closed.</summary>
    public TimeSpan PrintTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>PDFs kept by content (about 170 KB each for a 50-stop manifest) and served again; 0 prints every time.</summary>
    public int KeepPrinted { get; set; } = 200;

    /// <summary>
    /// Where couriers' phones reach the portal, for the QR codes on manifests. Unset: the address the request came in
    /// on, and manifests are not printed ahead (the address they would carry is not known before a request).
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Print a run's manifest ahead, once the run has been planned and left alone for <see cref="PrePrintDelay"/>.</summary>
    public bool PrePrintManifests { get; set; } = true;

    /// <summary>How long a run must stay unchanged before its manifest is printed ahead (a dispatcher moves several stops in a row).</summary>
    public TimeSpan PrePrintDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The language manifests are printed ahead in; one asked for in another language is printed on request.</summary>
    public string PrePrintCulture { get; set; } = "zh-CN";
}
