from instapgids.entry import main

main()
