using Microsoft.JSInterop;

namespace Portal.Web.Components.Shared;

/// <summary>The browser helpers in wwwroot/portal.js.</summary>
public static class PortalJs
{
    /// <summary>Scrolls the first field showing an error into view and focuses it (after a refused submit).</summary>
    public static async Task FocusFirstInvalidAsync(this IJSRuntime js)
    {
        try
        {
            await js.InvokeAsync<bool>("portal.focusFirstInvalid", (object?)null);
        }
        catch (JSDisconnectedException)
        {
            // The user left; nothing to focus.
        }
    }

    /// <summary>Arms or disarms the browser's "leave site?" prompt for reloads and closing the tab.</summary>
    public static async Task SetUnsavedAsync(this IJSRuntime js, bool unsaved)
    {
        try
        {
            await js.InvokeVoidAsync("portal.setUnsaved", unsaved);
        }
        catch (JSDisconnectedException)
        {
        }
    }

    /// <summary>Puts text on the clipboard; false when the browser refused (the text stays selectable on screen).</summary>
    public static async Task<bool> CopyTextAsync(this IJSRuntime js, string text)
    {
        try
        {
            return await js.InvokeAsync<bool>("portal.copyText", text);
        }
        catch (JSDisconnectedException)
        {
            return false;
        }
    }
}
