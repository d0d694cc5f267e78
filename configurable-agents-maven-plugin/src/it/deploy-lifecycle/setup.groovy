import io.configurableagents.it.ItDocker

// leftovers of an earlier run that stopped half-way
ItDocker.removeQuietly(['lifecycle-it', 'lifecycle-it-2', 'lifecycle-it-foreign'],
    ['lifecycle-it-data', 'lifecycle-it-2-data'], ['lifecycle-it:1.0.0'])
return true
