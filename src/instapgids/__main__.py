from instapgids.cli import main

main()
