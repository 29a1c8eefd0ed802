using System.Reflection;
using MesaSpec.Language.Catalogue;

namespace MesaSpec.Workspaces.Plugins;

/// <summary>What an assembly contributes: descriptor providers and, when asked for, implementation entries.</summary>
public sealed record ComponentContribution(IReadOnlyList<IComponentProvider> Descriptors, IReadOnlyList<IComponentEntry> Entries);

/// <summary>
/// The one entry point through which components enter a host, built-ins (Language, Gridworld, Runtime) and plugins
/// alike: the assembly's <see cref="ComponentDescriptorsAttribute"/> and <see cref="ComponentImplementationsAttribute"/>
/// name the types to instantiate. With <c>implementations: false</c> only descriptor types are touched, so an
/// implementation type built on TorchSharp is never resolved (the language server's mode).
/// </summary>
public static class ComponentAssemblies
{
    public static ComponentContribution Read(Assembly assembly, bool implementations)
    {
        var descriptors = new List<IComponentProvider>();
        var entries = new List<IComponentEntry>();
        // CustomAttributeData rather than GetCustomAttributes: an attribute is decoded (and the type it names
        // resolved) only when its kind was asked for.
        foreach (var attribute in assembly.GetCustomAttributesData())
        {
            if (attribute.AttributeType == typeof(ComponentDescriptorsAttribute))
            {
                descriptors.Add(Create<IComponentProvider>(attribute));
            }
            else if (implementations && attribute.AttributeType == typeof(ComponentImplementationsAttribute))
            {
                entries.AddRange(Create<IComponentImplementations>(attribute).GetEntries());
            }
        }
        return new(descriptors, entries);
    }

    private static T Create<T>(CustomAttributeData attribute)
    {
        var type = (Type)attribute.ConstructorArguments[0].Value!;
        if (!typeof(T).IsAssignableFrom(type) || type.GetConstructor(Type.EmptyTypes) is null)
        {
            throw new InvalidOperationException($"{type.FullName} named by [{attribute.AttributeType.Name}] must implement {typeof(T).Name} and have a public parameterless constructor");
        }
        return (T)Activator.CreateInstance(type)!;
    }
}
