import io.configurableagents.it.ItDocker

ItDocker.removeQuietly(['jdk17-it'], ['jdk17-it-data'], ['jdk17-it:1.0.0'])
return true
