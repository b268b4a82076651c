using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace TrajectoirEss.Web.Startup;

/// <summary>
/// Binds yes/no fields like MVC does, except for a value that is neither (a forged "peut-être"): the
/// framework keeps it as the field's raw value, and the checkbox tag helper then fails to convert it when
/// the form is shown again (a 500). Here it is a model error, and the field shows as unticked.
/// </summary>
internal sealed class BooleanModelBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var values = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (values == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        var first = values.FirstValue;
        if (string.IsNullOrWhiteSpace(first))
        {
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, values);
            if (bindingContext.ModelMetadata.IsReferenceOrNullableType)
            {
                bindingContext.Result = ModelBindingResult.Success(null);
            }

            return Task.CompletedTask;
        }

        if (bool.TryParse(first.Trim(), out var value))
        {
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, values);
            bindingContext.Result = ModelBindingResult.Success(value);
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, rawValue: false, attemptedValue: "false");
        bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, "Répondez par oui ou par non.");
        bindingContext.Result = ModelBindingResult.Failed();
        return Task.CompletedTask;
    }
}

internal sealed class BooleanModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Metadata.UnderlyingOrModelType == typeof(bool) && !context.Metadata.IsComplexType ? new BooleanModelBinder() : null;
    }
}
