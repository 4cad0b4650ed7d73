package ignored

this does not compile
