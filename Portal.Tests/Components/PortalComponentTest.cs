using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Portal.Domain.Common;

namespace Portal.Tests.Components;

/// <summary>
/// bUnit with what the portal's components need: MudBlazor's services, the app's localizer (English unless a test
/// switches culture) and a clock. Browser calls are answered loosely: MudBlazor's own script is not under test.
/// MudBlazor's services only dispose asynchronously, so the context is disposed through IAsyncLifetime.
/// </summary>
public abstract class PortalComponentTest : IAsyncLifetime
{
    protected PortalComponentTest()
    {
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddMudServices();
        Context.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Context.Services.AddSingleton(TimeProvider.System);
        Context.Services.AddSingleton<IClock, TimeProviderClock>();
    }

    protected BunitContext Context { get; } = new();

    protected IRenderedComponent<T> Render<T>(Action<ComponentParameterCollectionBuilder<T>>? parameters = null) where T : IComponent =>
        Context.Render(parameters);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Context.DisposeAsync();
}
