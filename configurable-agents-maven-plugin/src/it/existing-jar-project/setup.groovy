import io.configurableagents.it.ItDocker

assert new File('/usr/share/maven/bin/mvn').canExecute() : 'no Debian Maven in /usr/share/maven: scripts/test.sh installs it (apt-get install maven)'
ItDocker.removeQuietly(['jar-it'], ['jar-it-data'], ['jar-it:1.0.0'])
return true
