using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi.Models;
using Portal.Web.Common.Security;

namespace Portal.Web.Api;

/// <summary>Describes the X-Api-Key requirement in the OpenAPI document so client generators send it.</summary>
internal sealed class ApiKeyDocumentTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Mobile Storefront Portal API";
        var scheme = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthenticationHandler.HeaderName,
            Reference = new OpenApiReference { Type = ReferenceType.SecurityScheme, Id = ApiKeyAuthenticationHandler.SchemeName },
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes[ApiKeyAuthenticationHandler.SchemeName] = scheme;
        document.SecurityRequirements.Add(new OpenApiSecurityRequirement { [scheme] = [] });
        return Task.CompletedTask;
    }
}
