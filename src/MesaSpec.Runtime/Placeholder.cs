namespace MesaSpec.Runtime; internal static class Placeholder {}
