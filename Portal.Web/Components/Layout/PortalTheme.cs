using MudBlazor;

namespace Portal.Web.Components.Layout;

/// <summary>The one theme of the portal: brand palette, a CJK-first font stack and sizes readable on a phone.</summary>
public static class PortalTheme
{
    // Noto Sans CJK SC ships with the Debian fonts the tests install; the rest cover Windows, macOS and Android.
    private static readonly string[] Fonts =
        ["Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", "Source Han Sans SC", "system-ui", "sans-serif"];

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0b5cad",
            Secondary = "#e4572e",
            Tertiary = "#2e7d32",
            AppbarBackground = "#0b4a8b",
            AppbarText = "#ffffff",
            Background = "#f5f7fa",
            DrawerBackground = "#ffffff",
            DrawerText = "rgba(0,0,0,0.8)",
            TextPrimary = "rgba(0,0,0,0.87)",
            TextSecondary = "rgba(0,0,0,0.66)",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Fonts, FontSize = "1rem", LineHeight = "1.6" },
            H1 = new H1Typography { FontFamily = Fonts, FontSize = "1.6rem", FontWeight = "600", LineHeight = "1.3" },
            H2 = new H2Typography { FontFamily = Fonts, FontSize = "1.3rem", FontWeight = "600", LineHeight = "1.35" },
            H3 = new H3Typography { FontFamily = Fonts, FontSize = "1.15rem", FontWeight = "600", LineHeight = "1.4" },
            Body1 = new Body1Typography { FontFamily = Fonts, FontSize = "1rem", LineHeight = "1.6" },
            Body2 = new Body2Typography { FontFamily = Fonts, FontSize = "0.925rem", LineHeight = "1.55" },
            Button = new ButtonTypography { FontFamily = Fonts, FontSize = "0.95rem", FontWeight = "500", TextTransform = "none" },
            Caption = new CaptionTypography { FontFamily = Fonts, FontSize = "0.85rem" },
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "248px", AppbarHeight = "56px" },
    };
}
