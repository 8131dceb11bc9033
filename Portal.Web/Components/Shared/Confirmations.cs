using MudBlazor;

namespace Portal.Web.Components.Shared;

/// <summary>Opens <see cref="ConfirmDialog"/>: <c>if (await Dialogs.ConfirmAsync(...)) ...</c>.</summary>
public static class Confirmations
{
    private static readonly DialogOptions Options = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true, BackdropClick = false };

    public static async Task<bool> ConfirmAsync(this IDialogService dialogs, string title, string message, string confirmText, Color color = Color.Primary) =>
        await ShowAsync(dialogs, title, message, confirmText, color, null, null) is not null;

    /// <summary>Asks for confirmation and a reason; null when the user backed out.</summary>
    public static Task<string?> ConfirmWithReasonAsync(this IDialogService dialogs, string title, string message, string confirmText, string reasonLabel, string reasonRequired, Color color = Color.Error) =>
        ShowAsync(dialogs, title, message, confirmText, color, reasonLabel, reasonRequired);

    private static async Task<string?> ShowAsync(IDialogService dialogs, string title, string message, string confirmText, Color color, string? reasonLabel, string? reasonRequired)
    {
        var parameters = new DialogParameters<ConfirmDialog>
        {
            { d => d.Title, title },
            { d => d.Message, message },
            { d => d.ConfirmText, confirmText },
            { d => d.ConfirmColor, color },
            { d => d.ReasonLabel, reasonLabel },
            { d => d.ReasonRequiredText, reasonRequired },
        };
        var dialog = await dialogs.ShowAsync<ConfirmDialog>(title, parameters, Options);
        var result = await dialog.Result;
        return result is { Canceled: false } ? result.Data as string ?? "" : null;
    }
}
