pluginManagement {
    repositories {
        google()
        mavenCentral()
        gradlePluginPortal()
    }
}
dependencyResolutionManagement {
    repositoriesMode.set(RepositoriesMode.FAIL_ON_PROJECT_REPOS)
    repositories {
        google()
        mavenCentral()
    }
}

rootProject.name = "Phoenix"
// :core is plain Kotlin (the JVM tests in ../tests/jvm compile the same
// sources); :app is the Compose UI and the Android effect handlers.
include(":core", ":app")
